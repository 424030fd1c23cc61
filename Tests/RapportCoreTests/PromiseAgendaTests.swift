import RapportCore
import Testing

@Suite("Promise agenda")
struct PromiseAgendaTests {
    @Test func pendingPromisesAreDueThisWeekUpToSixDaysAheadAndActiveAfter() throws {
        let day = try Day(iso: "2024-03-04")
        #expect(PromiseAgenda.of(status: .pending, promisedFor: day, on: day) == .dueThisWeek)
        #expect(PromiseAgenda.of(status: .pending, promisedFor: day.adding(days: 6), on: day) == .dueThisWeek)
        #expect(PromiseAgenda.of(status: .pending, promisedFor: day.adding(days: 7), on: day) == .active)
        #expect(PromiseAgenda.of(status: .broken, promisedFor: day.adding(days: -1), on: day) == .broken)
        #expect(PromiseAgenda.of(status: .kept, promisedFor: day.adding(days: 3), on: day) == .kept)
    }
}
