"""Targets saved before indicators existed get a proposal, like a fresh import (issue 4)."""

from django.db import migrations


def propose_for_existing(apps, schema_editor):
    from lantoa.indicators.params import clean_params
    from lantoa.indicators.proposals import propose

    Target = apps.get_model("plans", "Target")
    Indicator = apps.get_model("indicators", "Indicator")
    for target in Target.objects.filter(indicator__isnull=True):
        proposal = propose(target.text)
        Indicator.objects.create(
            target=target, kind=proposal.kind, params=clean_params(proposal.kind, proposal.params)
        )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]

    operations = [migrations.RunPython(propose_for_existing, migrations.RunPython.noop)]
