import Testing
@testable import RapportImport

@Suite("CSV parsing (RFC 4180)")
struct CSVParserTests {
    func fields(_ text: String) throws -> [[String]] { try CSVParser.records(in: text).map(\.fields) }

    @Test func plainRecordsWithLFOrCRLF() throws {
        #expect(try fields("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(try fields("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try fields("a,b\r\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(try fields("a,,c\n,,\n") == [["a", "", "c"], ["", "", ""]])
    }

    @Test func quotedFieldsHoldCommasQuotesAndNewlines() throws {
        #expect(try fields("\"Acme, Inc.\",x\n") == [["Acme, Inc.", "x"]])
        #expect(try fields("\"say \"\"hi\"\"\",y\n") == [["say \"hi\"", "y"]])
        #expect(try fields("\"line 1\nline 2\",z\n") == [["line 1\nline 2", "z"]])
        #expect(try fields("\"line 1\r\nline 2\",z\r\n") == [["line 1\r\nline 2", "z"]])
        #expect(try fields("\"\",\"\"\n") == [["", ""]])
    }

    @Test func lineNumbersCountEmbeddedNewlines() throws {
        let records = try CSVParser.records(in: "h1,h2\n\"a\nb\nc\",1\n\nx,2\n")
        #expect(records.map(\.line) == [1, 2, 6])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        var parser = CSVParser(bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n1,x\n".utf8))
        #expect(try parser.next()?.fields == ["id", "name"])
    }

    @Test func blankLinesAreSkipped() throws {
        #expect(try fields("\n\na\n\r\n\nb\n\n") == [["a"], ["b"]])
    }

    @Test func unicodeSurvives() throws {
        #expect(try fields("Café Zoë,東京\n") == [["Café Zoë", "東京"]])
    }

    @Test func strayQuoteInsideAnUnquotedFieldIsText() throws {
        #expect(try fields("12\" pipe,x\n") == [["12\" pipe", "x"]])
    }

    @Test func malformedInputNamesTheLine() {
        #expect(throws: CSVSyntaxError(line: 2, reason: "quoted field is never closed")) {
            try fields("a\n\"open,b\nmore\n")
        }
        #expect(throws: CSVSyntaxError(line: 1, reason: "unexpected character after a closing quote")) {
            try fields("\"a\"b,c\n")
        }
        var parser = CSVParser(bytes: Array("ok\n".utf8) + [0xFF, 0xFE, 0x0A])
        #expect(throws: CSVSyntaxError(line: 2, reason: "not valid UTF-8")) {
            _ = try parser.next()
            _ = try parser.next()
        }
    }

    @Test func writerQuotesOnlyWhenNeededAndRoundTrips() throws {
        var writer = CSVWriter()
        let rows = [["plain", "with,comma", "say \"hi\"", "two\nlines", "cr\r\nlf", ""]]
        for row in rows { writer.append(row) }
        let text = writer.take()
        #expect(text.hasPrefix("plain,\"with,comma\",\"say \"\"hi\"\"\","))
        #expect(try fields(text) == rows)
        #expect(writer.text.isEmpty)
    }
}
