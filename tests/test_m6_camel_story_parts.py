"""Class names split at their capitals (c4beaf8, for AMP's "RelatedContent") made parts of the
story into furniture (RV18-B #6): an embedded post ("SocialEmbed"), a lightbox photo's block
("ModalImage"), a promoted text ("PromoText") and the story's own body ("ArticleBodyAdFree") were
dropped, because "social", "modal", "promo" and "ad" are furniture words. A furniture word that
says how a story part is shown, right before that part's name, or followed by "free", no longer
makes the element furniture; the boxes that name other pages or readers' posts still do."""

from __future__ import annotations

from newsreader.corpus.html_page import html_to_text

LEAD = ("<p>The harbour authority closed the north pier on Friday after divers found cracks in two "
        "of its piles.</p>")
MORE = "<p>Ferries will dock at the south pier until repairs end in the spring.</p>"


def _lines(body: str) -> list[str]:
    markup = (f"<html><head><title>Pier closed</title></head><body><main>"
              f"<h1>North pier closed after divers find cracks</h1>{LEAD}{body}{MORE}</main></body></html>")
    return [line for line in html_to_text(markup)[0].splitlines() if line]


def test_the_reviewers_story_parts_are_kept() -> None:
    """RV18-B's four class names: each holds text of the story, which is read."""
    lines = _lines("<div class='SocialEmbed'><p>Harbour master: the pier stays shut until it is safe.</p></div>"
                   "<div class='ModalImage'><p>Divers inspected the piles over three days.</p></div>"
                   "<div class='PromoText'><p>The south pier takes twelve sailings a day.</p></div>"
                   "<div class='ArticleBodyAdFree'><p>Repairs are expected to cost four million.</p></div>")
    for text in ("Harbour master: the pier stays shut until it is safe.",
                 "Divers inspected the piles over three days.",
                 "The south pier takes twelve sailings a day.",
                 "Repairs are expected to cost four million."):
        assert text in lines


def test_the_same_words_in_other_spellings_are_kept() -> None:
    """A variant of the rule's cases: another qualifier and part ("PopupPhoto"), hyphens
    ("social-embed") and a "free" state after another furniture word ("PaywallFree")."""
    lines = _lines("<div class='PopupPhoto'><p>A diver measures a crack in pile nine.</p></div>"
                   "<div class='embed social-embed'><p>Port of Eastby: north pier closed today.</p></div>"
                   "<div class='StoryPaywallFree'><p>Fishing boats may still use the north pier.</p></div>")
    assert "A diver measures a crack in pile nine." in lines
    assert "Port of Eastby: north pier closed today." in lines
    assert "Fishing boats may still use the north pier." in lines


def test_boxes_of_other_pages_and_readers_posts_stay_furniture() -> None:
    """c4beaf8's case ("RelatedContent") and the names a content word after any furniture word
    would have let through: a related story's teaser, a reader's comment, the footer's text,
    a share button for the article, a social bar whose second word is furniture too, and a
    qualifier whose next word is not a story part ("SocialFollowText": the part is "FollowText"), nor content ("ModalContent", a dialog's)."""
    lines = _lines("<div class='RelatedContent'><h3>WATCH NOW</h3><p>VIDEO 3:12</p><p>Piers explained</p></div>"
                   "<div class='RelatedArticle'><p>Ferry fares to rise in the new year, council says</p></div>"
                   "<div class='CommentBody'><p>About time they fixed that old pier, frankly.</p></div>"
                   "<div class='FooterText'><p>Eastby Herald is published by Herald Media Group Ltd.</p></div>"
                   "<div class='ShareArticle'><p>Send this story to a friend by email today.</p></div>"
                   "<div class='SocialShareText'><p>Post this story to your followers right now.</p></div>"
                   "<div class='SocialFollowText'><p>Follow the Eastby Herald on all your apps.</p></div>"
                   "<div class='ModalContent'><p>Sign in to keep reading the Eastby Herald.</p></div>")
    assert not any("WATCH" in line or "Piers explained" in line for line in lines)
    assert not any("Ferry fares" in line or "About time" in line or "Eastby Herald" in line for line in lines)
    assert not any("Send this story" in line or "Post this story" in line or "Follow the" in line for line in lines)
    assert not any("Sign in" in line for line in lines)
    assert lines[-1] == "Ferries will dock at the south pier until repairs end in the spring."
