"""A dispatch belongs to a sent document about any record, not to a plan or a report (issue 11).

Existing dispatches are grouped, per plan and per report, into one sent document each; they
keep no file (their link leads to the record's page, after signing in).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def group_into_documents(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Dispatch = apps.get_model("distribution", "Dispatch")
    SentDocument = apps.get_model("distribution", "SentDocument")
    for field, app_label, model in (("plan", "plans", "plan"), ("report", "reporting", "report")):
        subject_ids = (
            Dispatch.objects.filter(**{f"{field}__isnull": False})
            .values_list(f"{field}_id", flat=True)
            .distinct()
        )
        if not subject_ids:
            continue
        subject_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for subject_id in list(subject_ids):
            rows = Dispatch.objects.filter(**{f"{field}_id": subject_id}).order_by("sent_at", "pk")
            first = rows.first()
            subject = getattr(first, field)
            if field == "plan":
                title = f"{subject.document_kind} {subject.number} {subject.title}"
            else:  # historical models have no properties: the period as stored
                title = f"Báo cáo {subject.period} của {subject.unit.name}"
            document = SentDocument.objects.create(
                subject_type=subject_type,
                subject_id=subject_id,
                title=title[:500],
                sender_id=first.sender_id,
                sent_by_id=first.sent_by_id,
                created_at=first.sent_at,
            )
            rows.update(document=document)


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("distribution", "0001_initial"),
        ("org", "0004_roster_import_attempts"),
        ("plans", "0005_evidence"),
        ("reporting", "0002_rubric"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SentDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("subject_id", models.PositiveBigIntegerField()),
                ("title", models.CharField(max_length=500, verbose_name="văn bản")),
                ("filename", models.CharField(blank=True, max_length=200)),
                ("file", models.FileField(blank=True, upload_to="dispatch/%Y/%m/")),
                ("created_at", models.DateTimeField(verbose_name="gửi lúc")),
                ("sender", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="org.unit")),
                ("sent_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("subject_type", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="contenttypes.contenttype")),
            ],
            options={
                "verbose_name": "văn bản đã gửi",
                "verbose_name_plural": "văn bản đã gửi",
                "ordering": ["created_at", "pk"],
                "indexes": [models.Index(fields=["subject_type", "subject_id"], name="sent_document_subject_idx")],
            },
        ),
        migrations.AddField(
            model_name="dispatch",
            name="document",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="dispatches", to="distribution.sentdocument"),
        ),
        migrations.RunPython(group_into_documents, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="dispatch", name="dispatch_one_document"),
        migrations.RemoveField(model_name="dispatch", name="distribution"),
        migrations.RemoveField(model_name="dispatch", name="plan"),
        migrations.RemoveField(model_name="dispatch", name="report"),
        migrations.RemoveField(model_name="dispatch", name="sender"),
        migrations.AlterField(
            model_name="dispatch",
            name="document",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="dispatches", to="distribution.sentdocument"),
        ),
    ]
