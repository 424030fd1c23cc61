import RapportCore

/// The columns of `followups.csv` and how one row becomes a `FollowUpItem` of a job.
enum FollowUpRow {
    static let required = ["followup_id", "job_id", "department", "description", "due_on"]
    static let columns = required + ["done_on"]

    static func decode(_ row: RowReader) throws(RowError) -> FollowUpItem {
        guard let department = try row.choice("department", as: Department.self) else {
            throw row.error("department", "is required")
        }
        return FollowUpItem(
            id: FollowUpItem.ID(try row.required("followup_id")),
            jobID: Job.ID(try row.required("job_id")),
            description: try row.required("description"),
            department: department,
            dueOn: try row.day("due_on"),
            completedOn: try row.optionalDay("done_on"))
    }

    static func encode(_ item: FollowUpItem) -> [String] {
        [
            item.id.rawValue, item.jobID.rawValue, item.department.rawValue, item.description, item.dueOn.isoString,
            item.completedOn?.isoString ?? "",
        ]
    }
}
