"""Every page follows the house rules: chapter template, described media, checked numbers."""

import re

import numpy as np
import pytest

from site_src.datasets import fruit, logic_gate
from site_src.neurons import Perceptron
from tests.pages import DOCS, TEMPLATE, chapters, h2_headings, pages, prose

CHAPTERS = chapters()


def test_there_are_chapters():
    assert CHAPTERS, "no chapter pages found under docs/"


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_chapter_has_the_ten_sections_in_order(page):
    assert h2_headings(page.read_text()) == TEMPLATE


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_picture_has_a_meaningful_description(page):
    for alt, target in re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", page.read_text()):
        assert len(alt.split()) >= 5, f"{target}: the alt text {alt!r} is too short to describe it"


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_animation_has_a_step_by_step_description(page):
    text = page.read_text()
    for clip in re.findall(r"!\[[^\]]*\]\(([^)]+\.mp4)\)", text):
        after = text[text.index(clip):]
        assert re.search(r'^\?\?\?\+? info "What the animation shows', after, re.MULTILINE), (
            f"{clip} needs a '??? info \"What the animation shows, step by step\"' block after it")


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_page_has_a_description_for_search_engines(page):
    assert re.match(r"---\ndescription: .{50,}\n---\n", page.read_text()), "add a description: front matter"


def test_home_page_learning_path_links_every_chapter():
    home = (DOCS / "index.md").read_text()
    path = home[home.index("## 🧭 The learning path"):home.index("## 📚")]
    assert len(re.findall(r"^\d+\. ", path, re.MULTILINE)) == 27, "the path lists the 27 syllabus topics"
    for page in CHAPTERS:
        link = page.relative_to(DOCS).as_posix()
        assert f"]({link})" in path, f"the learning path on the home page does not link {link}"


# ---------------------------------------------------------------- the perceptron page's numbers


def fmt(x, digits):
    """A number as the page writes it in math: fixed digits, trailing zeros dropped."""
    return f"{x:.{digits}f}".rstrip("0").rstrip(".") or "0"


def test_perceptron_page_numbers_come_from_the_code():
    text = prose((DOCS / "first-steps" / "perceptron.md").read_text())
    X, y, _ = fruit()
    after_one_epoch = Perceptron(2).fit(X, y, epochs=1, lr=0.1)
    w, b = after_one_epoch.weights, after_one_epoch.bias
    x = X[0]
    assert (x.tolist(), int(y[0])) == ([0.8, 0.9], 1)
    assert f"$w_1 = {fmt(w[0], 2)}$, $w_2 = {fmt(w[1], 2)}$ and bias $b = {fmt(b, 2)}$" in text
    total = after_one_epoch.total(x[np.newaxis])[0]
    assert f"= {fmt(total, 3)}$" in text and total < 0
    assert after_one_epoch.learn_one(x, 1, lr=0.1) == 1
    new_w, new_b = after_one_epoch.weights, after_one_epoch.bias
    assert f"= {fmt(new_w[0], 2):0<4}$" in text and f"= {fmt(new_w[1], 2)}$" in text
    assert f"b \\leftarrow -0.1 + 0.1 \\times 1 = {fmt(new_b, 2)}$" in text
    assert f"= {fmt(after_one_epoch.total(x[np.newaxis])[0], 3)}$" in text

    # "needs three epochs", and the figure's story: 7, 3, 4, 0 fruits wrong
    wrong = [7]
    for epochs in (1, 2, 3):
        robot = Perceptron(2).fit(X, y, epochs=epochs, lr=0.1)
        wrong.append(int((robot.predict(X) != y).sum()))
    assert wrong == [7, 3, 4, 0]
    assert "needs three\nepochs" in text
    assert "*more* fruits wrong\n(4) than after epoch 1 (3)" in text


def test_perceptron_page_and_gate_example():
    text = prose((DOCS / "first-steps" / "perceptron.md").read_text())
    X, y = logic_gate("and")
    gate = Perceptron(2, weights=[1.0, 1.0], bias=-1.5)
    totals = ", ".join(f"${fmt(t, 1)}$" for t in gate.total(X)[:3]) + f" and ${fmt(gate.total(X)[3], 1)}$"
    assert totals in text
    assert gate.predict(X).tolist() == y.tolist()
