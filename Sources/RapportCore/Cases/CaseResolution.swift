/// How a case was put right.
public enum CaseResolution: String, CaseIterable, Sendable, Hashable {
    case creditMemo = "credit_memo"
    case rebill
    case workCompleted = "work_completed"
    case billingFrequencyChange = "billing_frequency_change"
    case explanation
}
