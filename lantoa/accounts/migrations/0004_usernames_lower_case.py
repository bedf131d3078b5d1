"""Usernames lower-cased (issue 12, item 1): one identity for sign-in and lockout. A username
that would collide with another account's lower-cased one is left as it is (sign-in already
matched it case-insensitively); the coordinator renames one of the two."""

from django.db import migrations
from django.db.models.functions import Lower


def usernames_lower(apps, schema_editor):  # noqa: ANN001
    User = apps.get_model("accounts", "User")
    for user in User.objects.exclude(username=Lower("username")):
        low = user.username.lower()
        if not User.objects.filter(username__iexact=low).exclude(pk=user.pk).exists():
            user.username = low
            user.save(update_fields=["username"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_notifications")]
    operations = [migrations.RunPython(usernames_lower, migrations.RunPython.noop)]
