/// A logistic-regression model of late payment: standardized features, weights and a bias,
/// trained by full-batch gradient descent from zero (deterministic: the same data give the same model).
public struct LogisticModel: Hashable, Sendable, Codable {
    public var featureNames: [String]
    public var means: [Double]
    public var deviations: [Double]
    public var weights: [Double]
    public var bias: Double

    /// One feature's push on a prediction: weight × standardized value (positive raises the risk).
    public struct Contribution: Hashable, Sendable {
        public var feature: String
        public var value: Double
    }

    /// Trains on `examples` (feature vectors and late/on-time labels).
    public static func train(
        _ examples: [(features: [Double], late: Bool)], featureNames: [String], iterations: Int = 400,
        learningRate: Double = 0.5, l2: Double = 0.001
    ) -> LogisticModel {
        let count = featureNames.count
        var means = [Double](repeating: 0, count: count)
        var deviations = [Double](repeating: 1, count: count)
        if !examples.isEmpty {
            for example in examples { for index in 0..<count { means[index] += example.features[index] } }
            for index in 0..<count { means[index] /= Double(examples.count) }
            var variance = [Double](repeating: 0, count: count)
            for example in examples {
                for index in 0..<count { let d = example.features[index] - means[index]; variance[index] += d * d }
            }
            for index in 0..<count {
                let value = (variance[index] / Double(examples.count)).squareRoot()
                deviations[index] = value > 1e-12 ? value : 1
            }
        }
        let rows = examples.map { example in (0..<count).map { (example.features[$0] - means[$0]) / deviations[$0] } }
        let labels = examples.map { $0.late ? 1.0 : 0.0 }
        var weights = [Double](repeating: 0, count: count)
        var bias = 0.0
        let n = Double(max(examples.count, 1))
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: count)
            var biasGradient = 0.0
            for (row, label) in zip(rows, labels) {
                var z = bias
                for index in 0..<count { z += weights[index] * row[index] }
                let error = sigmoid(z) - label
                biasGradient += error
                for index in 0..<count { gradient[index] += error * row[index] }
            }
            bias -= learningRate * biasGradient / n
            for index in 0..<count { weights[index] -= learningRate * (gradient[index] / n + l2 * weights[index]) }
        }
        return LogisticModel(featureNames: featureNames, means: means, deviations: deviations, weights: weights, bias: bias)
    }

    /// The probability of late payment for a feature vector.
    public func probability(_ features: [Double]) -> Double {
        var z = bias
        for index in weights.indices { z += weights[index] * (features[index] - means[index]) / deviations[index] }
        return Self.sigmoid(z)
    }

    /// The features pushing this prediction most, largest absolute push first.
    public func topContributions(_ features: [Double], count: Int = 3) -> [Contribution] {
        weights.indices
            .map { Contribution(feature: featureNames[$0], value: weights[$0] * (features[$0] - means[$0]) / deviations[$0]) }
            .sorted { (abs($0.value), $1.feature) > (abs($1.value), $0.feature) }
            .prefix(count).map { $0 }
    }

    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + exponential(-z)) }
        let e = exponential(z)
        return e / (1 + e)
    }

    /// e^x for x ≤ 0 without Foundation: range reduction by halving, then a Taylor series, then squaring.
    static func exponential(_ x: Double) -> Double {
        if x < -700 { return 0 }
        var reduced = x
        var squarings = 0
        while abs(reduced) > 0.5 { reduced /= 2; squarings += 1 }
        var term = 1.0
        var sum = 1.0
        for k in 1...20 { term *= reduced / Double(k); sum += term }
        for _ in 0..<squarings { sum *= sum }
        return sum
    }
}

/// Area under the ROC curve: the chance a random late example scores above a random on-time one
/// (ties count half). Nil when one class is missing.
public func areaUnderCurve(scores: [Double], late: [Bool]) -> Double? {
    let positives = late.filter { $0 }.count
    let negatives = late.count - positives
    guard positives > 0, negatives > 0 else { return nil }
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var rankSum = 0.0
    var index = 0
    while index < order.count {
        var end = index
        while end + 1 < order.count && scores[order[end + 1]] == scores[order[index]] { end += 1 }
        let averageRank = Double(index + end) / 2 + 1
        for position in index...end where late[order[position]] { rankSum += averageRank }
        index = end + 1
    }
    return (rankSum - Double(positives * (positives + 1)) / 2) / Double(positives * negatives)
}
