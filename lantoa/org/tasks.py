"""Worker jobs of the org app."""

from huey.contrib.djhuey import db_task

from lantoa.org import services


@db_task()
def roster_import_task(job_id: int) -> None:
    services.roster_import_run(job_id)
