"""Loading the official list of divisions from the `vietnam-provinces` package (issue 2, item 4)."""

from __future__ import annotations

from django.db import transaction

from lantoa.org.models import Division


def province_code(code: int) -> str:
    return f"{int(code):02d}"


def commune_code(code: int) -> str:
    return f"{int(code):05d}"


@transaction.atomic
def divisions_load() -> dict[str, int]:
    """Insert or update all 34 provinces and 3,321 communes; running it again changes nothing."""
    from vietnam_provinces import Province, Ward

    existing = {d.code: d for d in Division.objects.all()}
    created = updated = 0

    def upsert(code: str, **fields: object) -> Division:
        nonlocal created, updated
        division = existing.get(code)
        if division is None:
            division = Division.objects.create(code=code, **fields)
            existing[code] = division
            created += 1
        elif any(getattr(division, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(division, k, v)
            division.save()
            updated += 1
        return division

    provinces = {}
    for province in Province.iter_all():
        provinces[province.code] = upsert(
            province_code(province.code),
            name=province.name,
            division_type=province.division_type.value,
            level=Division.Level.PROVINCE,
            parent=None,
            codename=province.codename,
        )
    for ward in Ward.iter_all():
        upsert(
            commune_code(ward.code),
            name=ward.name,
            division_type=ward.division_type.value,
            level=Division.Level.COMMUNE,
            parent=provinces[ward.province_code],
            codename=ward.codename,
        )
    return {
        "created": created,
        "updated": updated,
        "provinces": Division.objects.filter(level=Division.Level.PROVINCE).count(),
        "communes": Division.objects.filter(level=Division.Level.COMMUNE).count(),
    }
