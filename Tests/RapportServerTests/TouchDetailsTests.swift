import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

/// The touch form's job, contact, next contact and satisfaction, stored in columns of their own.
@Suite("Web touch details")
struct TouchDetailsTests {
    @Test(arguments: TestDatabase.available)
    func theDetailsAreStoredAndShownOnTheTimeline(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            _ = try await kim.get("/accounts/A1")
            let logged = try await kim.post("/accounts/A1/interactions", [
                "channel": "visit", "purpose": "check_in", "outcome": "satisfied", "job_id": "J2", "contact_id": "K3",
                "next_on": "2024-07-15", "satisfaction": "5", "notes": "All good at the east site",
            ], formToken: kim.hidden("_form"))
            #expect(logged.status == .seeOther)
            let touch = try #require(try await env.repositories.interactions.fetchInteractions(accounts: ["A1"]).first)
            let next = try Day(iso: "2024-07-15")
            #expect(touch.jobID == "J2" && touch.contactID == "K3" && touch.nextContactOn == next)
            #expect(touch.satisfaction == 5 && touch.notes == "All good at the east site")
            let page = try await kim.get("/accounts/A1")
            #expect(page.body.contains("visit check_in by kim: satisfied (job J2, contact K3, satisfaction 5/5, next contact 2024-07-15) — All good at the east site"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aJobOrContactOfAnotherCustomerAndANextContactInThePastAreRefused(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            let base = ["channel": "call", "purpose": "check_in", "outcome": "satisfied"]
            _ = try await kim.get("/accounts/R1")
            let job = try await kim.post("/accounts/R1/interactions", base.merging(["job_id": "J1"]) { $1 }, formToken: kim.hidden("_form"))
            #expect(job.status == .unprocessableEntity && job.body.contains(#"id="touch-job_id-error""#)
                && job.body.contains("Job J1 belongs to account A1, not R1."))
            _ = try await kim.get("/accounts/R1")
            let contact = try await kim.post("/accounts/R1/interactions", base.merging(["contact_id": "K9"]) { $1 }, formToken: kim.hidden("_form"))
            #expect(contact.status == .unprocessableEntity && contact.body.contains(#"id="touch-contact_id-error""#)
                && contact.body.contains("Unknown contact K9."))
            _ = try await kim.get("/accounts/R1")
            let past = try await kim.post("/accounts/R1/interactions", base.merging(["next_on": "2024-06-30"]) { $1 }, formToken: kim.hidden("_form"))
            #expect(past.status == .unprocessableEntity && past.body.contains(#"id="touch-next_on-error""#)
                && past.body.contains("Next on 2024-06-30 is not after the touch (2024-06-30)."))
            #expect(try await env.repositories.interactions.fetchInteractions(accounts: ["R1"]).isEmpty)
        }
    }
}

/// A touch's next contact day puts a call-back on the specialist's queue that day.
@Suite("Queue call-backs from the store")
struct QueueCallBackStoreTests {
    @Test(arguments: TestDatabase.available)
    func theNextContactDayOfALoggedTouchIsOnTheQueueThatDay(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            _ = try await kim.get("/accounts/R1")
            let logged = try await kim.post("/accounts/R1/interactions", [
                "channel": "call", "purpose": "check_in", "outcome": "satisfied", "next_on": "2024-07-05",
            ], formToken: kim.hidden("_form"))
            #expect(logged.status == .seeOther)
            let before = try await env.queue.tasks(specialist: "kim", on: Day(iso: "2024-07-04"))
            #expect(!before.contains { $0.rule == "call-back" })
            let due = try await env.queue.tasks(specialist: "kim", on: Day(iso: "2024-07-05"))
            let task = try #require(due.first { $0.rule == "call-back" })
            #expect(task.accountID == "R1" && task.reason.contains("on 2024-06-30 kim said the customer would be contacted again"))
            let page = try await kim.get("/queue?date=2024-07-05")
            #expect(page.body.contains("Call back as agreed"))
            // Reaching the customer with a follow-up on the day closes it.
            _ = try await env.interactions.log(.init(accountID: "R1", channel: .call, purpose: .followUp, outcome: .satisfied, by: "kim",
                                                     on: Day(iso: "2024-07-05")))
            #expect(!(try await env.queue.tasks(specialist: "kim", on: Day(iso: "2024-07-06"))).contains { $0.rule == "call-back" })
        }
    }
}
