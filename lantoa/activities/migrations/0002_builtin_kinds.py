"""The built-in activity kinds every installation starts with (issue 4, item 1)."""

from django.db import migrations

# name, category, has_attendance, has_reach
KINDS = [
    ("Phổ biến, quán triệt nghị quyết", "briefing", True, False),
    ("Sinh hoạt chuyên đề", "thematic_session", True, False),
    ("Sinh hoạt dưới cờ", "flag_ceremony", False, False),
    ("Tọa đàm, hội nghị chuyên đề", "seminar", True, False),
    ("Lồng ghép trong hội nghị giao ban, sinh hoạt chi bộ, họp tổ dân phố", "meeting_integration", True, False),
    ("Phát thanh trên hệ thống truyền thanh", "radio", False, True),
    ("Tin, bài trên cổng/trang thông tin điện tử", "portal_article", False, True),
    ("Bài đăng trên mạng xã hội (Fanpage)", "social_post", False, True),
    ("Tin nhắn nhóm Zalo", "zalo_message", False, True),
    ("Góc truyền thông, pano, áp phích", "corner_panel", False, False),
    ("Cuộc thi", "contest", True, True),
    ("Tập huấn, bồi dưỡng", "training", True, False),
    ("Hoạt động khác", "other", False, False),
]


def add_kinds(apps, schema_editor):
    ActivityKind = apps.get_model("activities", "ActivityKind")
    for position, (name, category, attendance, reach) in enumerate(KINDS):
        ActivityKind.objects.get_or_create(
            unit=None,
            name=name,
            defaults={
                "category": category,
                "has_attendance": attendance,
                "has_reach": reach,
                "position": position,
            },
        )


def remove_kinds(apps, schema_editor):
    ActivityKind = apps.get_model("activities", "ActivityKind")
    ActivityKind.objects.filter(unit=None, name__in=[k[0] for k in KINDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]
    operations = [migrations.RunPython(add_kinds, remove_kinds)]
