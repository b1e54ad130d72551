"""base/seal: a draft as `newskb draft` wrote it ends with its seal; any edit, a removed line or a forged
seal leaves it unsealed."""

from __future__ import annotations

import hashlib

from newskb.base.seal import sealed, unedited

DRAFT = '[[person]]\nid = "ada-lovelace"\nname = "Ada Lovelace"\n'


def test_the_seal_is_one_last_line_holding_the_digest_of_everything_before_it() -> None:
    text = sealed(DRAFT)
    digest = hashlib.sha256(DRAFT.encode("utf-8")).hexdigest()
    assert text == DRAFT + (
        f"# unedited draft: sha256 {digest} (newskb accept refuses it until a curator edits it; --unreviewed "
        'takes it as it is, each record marked review = "unreviewed draft")\n'
    )
    assert unedited(text) is True


def test_a_sealed_empty_draft_and_one_with_non_ascii_text_are_unedited() -> None:
    assert unedited(sealed("")) is True
    assert unedited(sealed('name = "Zoë SSørensen"\n')) is True


def test_the_seal_holds_without_its_final_line_break() -> None:
    assert unedited(sealed(DRAFT).rstrip("\n")) is True


def test_an_edit_anywhere_breaks_the_seal() -> None:
    text = sealed(DRAFT)
    assert unedited(text.replace("Ada Lovelace", "Ada Byron")) is False
    assert unedited("# reviewed\n" + text) is False
    assert unedited(text.replace('id = "ada-lovelace"\n', "")) is False


def test_anything_after_the_seal_breaks_it() -> None:
    assert unedited(sealed(DRAFT) + "\n") is False
    assert unedited(sealed(DRAFT) + 'note = "x"\n') is False


def test_a_removed_seal_line_leaves_the_draft_unsealed() -> None:
    assert unedited(DRAFT) is False
    assert unedited("") is False


def test_a_forged_seal_with_another_digest_is_not_a_seal() -> None:
    forged = DRAFT + f"# unedited draft: sha256 {'0' * 64}\n"
    assert unedited(forged) is False
    assert unedited(DRAFT + "# unedited draft: sha256 " + "A" * 64 + "\n") is False
