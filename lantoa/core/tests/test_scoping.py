from lantoa.core.scoping import Scope, _minimal


def test_scope_reads_and_writes_by_path_prefix():
    scope = Scope(read_paths=frozenset({"/1/"}), write_paths=frozenset({"/1/5/"}))
    assert scope.can_read_path("/1/5/9/")
    assert not scope.can_read_path("/2/")
    assert scope.can_write_path("/1/5/")
    assert not scope.can_write_path("/1/6/")


def test_empty_scope_reaches_nothing_and_superuser_everything():
    assert not Scope().can_read_path("/1/")
    assert Scope(is_superuser=True).can_write_path("/9/")


def test_minimal_drops_prefixes_covered_by_shorter_ones():
    assert _minimal(["/1/5/", "/1/", "/2/"]) == ["/1/", "/2/"]
