"""A large unit whose files may hold suppression comments is checked whole by one worker: only
the process that saw all its findings knows which comments suppressed nothing."""

from __future__ import annotations

from p1lint.shards import SHARD_MIN_BYTES, Piece, pieces


def test_a_large_yaml_file_with_a_suppression_comment_is_not_shared(tmp_path):
    padding = "x" * SHARD_MIN_BYTES
    commented, plain, json_file = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "c.json"
    commented.write_text(f"# {padding}\napplications: []  # p1lint: ignore[P1L102] why\n")
    plain.write_text(f"# {padding}\napplications: []\n")
    json_file.write_text(f'{{"applications": [], "note": "{padding} p1lint: ignore[P1L102] x"}}')
    assert pieces([str(commented)], 4) == [str(commented)]
    for shared in (plain, json_file):
        assert pieces([str(shared)], 4) == [Piece(str(shared), share) for share in pieces_shares(4)]


def pieces_shares(jobs):
    from p1lint.shards import Share

    return [Share(index, jobs) for index in range(jobs)]
