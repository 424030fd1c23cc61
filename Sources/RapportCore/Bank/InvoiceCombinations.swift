/// The bounded search of step 4: which sets of a customer's open invoices add up exactly to a payment.
enum InvoiceCombinations {
    /// Up to `limit` sets of at least two of `invoices` (oldest first, at most `size` each) whose open
    /// amounts add up to `amount`, found in oldest-first order.
    static func exact(_ invoices: [OpenInvoiceForCash], adding amount: Int64, size: Int, limit: Int = 2) -> [[OpenInvoiceForCash]] {
        let amounts = invoices.map(\.open.minorUnits)
        // suffix[i]: what invoices i… can add at most, to stop a branch that cannot reach the amount.
        var suffix = [Int64](repeating: 0, count: amounts.count + 1)
        for index in stride(from: amounts.count - 1, through: 0, by: -1) { suffix[index] = suffix[index + 1] + amounts[index] }
        var found: [[Int]] = []
        var chosen: [Int] = []
        func search(from start: Int, remaining: Int64) {
            if found.count >= limit { return }
            if remaining == 0 {
                if chosen.count >= 2 { found.append(chosen) }
                return
            }
            guard chosen.count < size, start < amounts.count, suffix[start] >= remaining else { return }
            for index in start..<amounts.count where amounts[index] <= remaining {
                chosen.append(index)
                search(from: index + 1, remaining: remaining - amounts[index])
                chosen.removeLast()
                if found.count >= limit { return }
            }
        }
        search(from: 0, remaining: amount)
        return found.map { $0.map { invoices[$0] } }
    }
}
