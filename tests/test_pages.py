"""Every page follows the house rules: chapter template, alt texts, clip descriptions, front matter.

The numbers each chapter states are checked by its own file in tests/chapters/.
"""

import re

import pytest

from tests.pages import DOCS, TEMPLATE, chapters, h2_headings, pages

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
        after = text[text.index(clip) :]
        assert re.search(r'^\?\?\?\+? info "What the animation shows', after, re.MULTILINE), (
            f"{clip} needs a '??? info \"What the animation shows, step by step\"' block after it"
        )


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_page_has_a_description_for_search_engines(page):
    assert re.match(r"---\ndescription: .{50,}\n---\n", page.read_text()), "add a description: front matter"


@pytest.mark.slow
def test_home_page_learning_path_links_every_chapter(built_site):
    # The learning path is the course map the theme draws from the nav (overrides/partials/
    # dl-course-map.html); tests/test_theme.py checks its order, numbers and "coming soon".
    site, _ = built_site
    home = (site / "index.html").read_text()
    course_map = home[home.index("data-dl-map") :]
    for page in CHAPTERS:
        link = page.relative_to(DOCS).with_suffix("").as_posix() + "/"
        assert f'href="{link}"' in course_map, f"the course map on the home page does not link {link}"
