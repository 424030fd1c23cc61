import RapportApp
import RapportCore

extension RapportAPI {
    func createPayment(_ input: Operations.CreatePayment.Input) async throws -> Operations.CreatePayment.Output {
        try APICaller.require(.imports)
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the payment as JSON.") }
        let created = try await APIRowImport(app: try acting()).write(.payments, rows: [[
            "payment_id": body.paymentId, "account_id": body.accountId, "received_on": body.receivedOn, "amount": body.amount,
            "currency": body.currency, "invoice_id": body.invoiceId, "method": body.method,
        ]])
        let (payment, unapplied) = try await app.credits.payment(Payment.ID(body.paymentId))
        let json = Components.Schemas.Payment(
            paymentId: payment.id.rawValue, accountId: payment.accountID.rawValue, receivedOn: payment.receivedOn.isoString,
            amount: payment.amount.decimalString, currency: payment.amount.currency.code, invoiceId: payment.invoiceID?.rawValue,
            method: payment.method, unapplied: unapplied.decimalString)
        return created ? .created(.init(body: .json(json))) : .ok(.init(body: .json(json)))
    }

    func createCreditMemo(_ input: Operations.CreateCreditMemo.Input) async throws -> Operations.CreateCreditMemo.Output {
        try APICaller.require(.imports)
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the credit memo as JSON.") }
        let created = try await APIRowImport(app: try acting()).write(.creditMemos, rows: [[
            "credit_memo_id": body.creditMemoId, "account_id": body.accountId, "issued_on": body.issuedOn, "amount": body.amount,
            "currency": body.currency, "invoice_id": body.invoiceId, "reason": body.reason,
        ]])
        let (memo, unapplied) = try await app.credits.creditMemo(CreditMemo.ID(body.creditMemoId))
        let json = Components.Schemas.CreditMemo(
            creditMemoId: memo.id.rawValue, accountId: memo.accountID.rawValue, issuedOn: memo.issuedOn.isoString,
            amount: memo.amount.decimalString, currency: memo.amount.currency.code, invoiceId: memo.invoiceID?.rawValue,
            reason: memo.reason.isEmpty ? nil : memo.reason, unapplied: unapplied.decimalString)
        return created ? .created(.init(body: .json(json))) : .ok(.init(body: .json(json)))
    }
}
