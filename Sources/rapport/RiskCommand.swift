import ArgumentParser
import Foundation
import RapportCore
import RapportApp

/// `rapport risk`: the late-payment model the queue ranks by.
struct RiskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk", abstract: "Train and inspect the late-payment model.",
        subcommands: [RiskTrainCommand.self, RiskReportCommand.self])
}

/// `rapport risk train`: learns from the ledger's own paid history and stores the model.
struct RiskTrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Train the late-payment model on the ledger's history (time split, AUC) and store it.")

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Learn from what was known on this day (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay)
    var asOf: Day?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let result = try await database.withApp { app in try await app.risk.train(asOf: asOf) }
        print("trained on \(result.trainCount) invoices due before \(result.splitDay), tested on \(result.testCount): AUC "
              + (result.auc.map(formatTwoDecimals) ?? "undefined (one class missing in the test set)"))
    }
}

/// `rapport risk report`: the stored model's quality and weights.
struct RiskReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Show the newest model: AUC and weights.")

    @Option(help: "table or json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct ReportJSON: Encodable {
        let asOf, splitDay: String
        let trainCount, testCount: Int
        let auc: Double?
        let bias: Double
        let weights: [String: Double]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(asOf, forKey: .asOf)
            try container.encode(splitDay, forKey: .splitDay)
            try container.encode(trainCount, forKey: .trainCount)
            try container.encode(testCount, forKey: .testCount)
            try container.encode(auc, forKey: .auc)
            try container.encode(bias, forKey: .bias)
            try container.encode(weights, forKey: .weights)
        }

        enum CodingKeys: String, CodingKey { case asOf, splitDay, trainCount, testCount, auc, bias, weights }
    }

    func run() async throws {
        let result = try await database.withApp { app in try await app.risk.latest() }
        let weights = Dictionary(uniqueKeysWithValues: zip(result.model.featureNames, result.model.weights))
        switch format {
        case .json:
            print(try encodeReport(ReportJSON(
                asOf: result.asOf.isoString, splitDay: result.splitDay.isoString, trainCount: result.trainCount,
                testCount: result.testCount, auc: result.auc, bias: result.model.bias, weights: weights)))
        case .table:
            print("Model as of \(result.asOf): trained on \(result.trainCount), tested on \(result.testCount) (due from \(result.splitDay)); AUC "
                  + (result.auc.map(formatTwoDecimals) ?? "—"))
            print(renderTable(["feature", "weight (per standard deviation)"], result.model.featureNames.indices.map {
                [result.model.featureNames[$0], formatTwoDecimals(result.model.weights[$0])]
            }))
        }
    }
}
