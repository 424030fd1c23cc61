"""Schemathesis hooks for Rapport's API run (Tests/api/run.sh): send generated text/csv bodies as they are."""
import schemathesis


@schemathesis.serializer("text/csv")
class CSVSerializer:
    def as_requests(self, context, value):
        return {"data": value if isinstance(value, (str, bytes)) else str(value)}

    def as_werkzeug(self, context, value):
        return {"data": value if isinstance(value, (str, bytes)) else str(value)}
