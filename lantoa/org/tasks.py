"""Worker jobs of the org app: the roster import's job (registered by importing its module) and
its recovery when a worker starts."""

from huey.contrib.djhuey import HUEY

from lantoa.org.roster_import import roster_import_job, roster_imports_recover


@HUEY.on_startup()
def roster_imports_resume() -> None:
    """A worker killed in the middle of an import left it running: queue it again (or end it
    as failed after a second interruption) when a worker starts."""
    for job_id in roster_imports_recover():
        roster_import_job(job_id)
