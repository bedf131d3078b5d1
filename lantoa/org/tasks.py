"""Worker jobs of the org app."""

from huey.contrib.djhuey import HUEY, db_task

from lantoa.org import services


@db_task()
def roster_import_task(job_id: int) -> None:
    services.roster_import_run(job_id)


@HUEY.on_startup()
def roster_imports_resume() -> None:
    """A worker killed in the middle of an import left it running: queue it again (or end it
    as failed after a second interruption) when a worker starts."""
    for job_id in services.roster_imports_recover():
        roster_import_task(job_id)
