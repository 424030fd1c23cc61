import RapportCore
import Testing

@Suite("Writing a whole account")
struct AccountWriteTests {
    private let stored = Account(id: "A1", name: "Acme", segment: .commercial, terms: Terms(dueDays: 45, collectionStartDays: 50),
                                 specialist: "lori", flags: [.keyAccount])

    @Test func aNewIdIsCreatedAndTheSameContentChangesNothing() throws {
        #expect(try AccountWrite(proposed: stored, stored: nil, parentChain: []).outcome == .create)
        var same = stored
        same.terms = .standard
        let write = try AccountWrite(proposed: same, stored: stored, parentChain: [])
        #expect(write.outcome == .unchanged && write.account.terms == stored.terms, "terms are not written by an update")
    }

    @Test func anUpdateNamesTheChangedFieldsInColumnOrderAndRegroupsOnlyForSegmentOrSpecialist() throws {
        var renamed = stored
        renamed.name = "Acme Corp"
        renamed.flags = []
        let write = try AccountWrite(proposed: renamed, stored: stored, parentChain: [])
        #expect(write.outcome == .update(changed: ["name", "key_account"]) && !write.regroups)
        #expect(AccountWrite.describe(renamed, ["name", "key_account"]) == "name=Acme Corp\nkey_account=false")
        var moved = stored
        moved.specialist = nil
        #expect(try AccountWrite(proposed: moved, stored: stored, parentChain: []).regroups)
    }

    @Test func theParentMustBeStoredAndNotTheAccountOrItsDescendant() {
        var child = stored
        child.parentID = "A1"
        #expect(throws: InvalidField("parent_id", "an account cannot be its own parent")) {
            try AccountWrite(proposed: child, stored: stored, parentChain: ["A1"])
        }
        child.parentID = "B1"
        #expect(throws: InvalidField("parent_id", "unknown account B1")) { try AccountWrite(proposed: child, stored: stored, parentChain: []) }
        #expect(throws: InvalidField("parent_id", "parent chain of A1 loops back to itself")) {
            try AccountWrite(proposed: child, stored: stored, parentChain: ["B1", "C1", "A1"])
        }
        #expect(throws: Never.self) { try AccountWrite(proposed: child, stored: stored, parentChain: ["B1", "C1"]) }
    }

    @Test func nameAndTextFieldsAreChecked() {
        var blank = stored
        blank.name = "  "
        #expect(throws: InvalidField("name", "is required")) { try AccountWrite(proposed: blank, stored: nil, parentChain: []) }
        var control = stored
        control.specialist = "lo\u{0}ri"
        #expect(throws: InvalidField("specialist", "must not contain control characters")) {
            try AccountWrite(proposed: control, stored: nil, parentChain: [])
        }
    }
}
