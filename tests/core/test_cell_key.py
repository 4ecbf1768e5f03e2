"""The cell-key rule: what a count is published as, and that it is fixed by the records alone."""

from __future__ import annotations

from safetylog.summaries import cell_key

SECRET = bytes(range(32))


def test_zero_small_and_larger_counts() -> None:
    assert cell_key.published(0, 0.5) == "0"
    assert {cell_key.published(n, k) for n in range(1, 5) for k in (0.0, 0.5, 0.99)} == {"<5"}
    assert cell_key.published(7, 0.0) == "10" and cell_key.published(7, 0.5) == "5"  # up below 2/5
    assert cell_key.published(10, 0.0) == cell_key.published(10, 0.99) == "10"


def test_rounding_is_unbiased_over_cell_keys() -> None:
    keys = [i / 1000 for i in range(1000)]
    for n in range(5, 40):
        mean = sum(int(cell_key.published(n, k)) for k in keys) / len(keys)
        assert abs(mean - n) < 0.01, n


def test_the_same_records_give_the_same_cell_key_in_any_order_and_a_secret_changes_it() -> None:
    ids = [3, 17, 42, 99]
    keys = cell_key.record_keys(SECRET, ids)
    assert keys == {i: cell_key.record_key(SECRET, i) for i in ids}
    assert cell_key.cell_key(keys[i] for i in ids) == cell_key.cell_key(keys[i] for i in reversed(ids))
    other = cell_key.record_keys(bytes(32), ids)
    assert cell_key.cell_key(other.values()) != cell_key.cell_key(keys.values())


def test_bounds_cover_every_count_a_cell_can_come_from() -> None:
    for n in range(60):
        for k in (0.0, 0.3, 0.7, 0.99):
            lo, hi = cell_key.bounds(cell_key.published(n, k))
            assert lo <= n <= hi
