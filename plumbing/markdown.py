"""User-entered Markdown on its way into a document, sanitised by nh3.

Other user text (clause texts, notes, event summaries) goes through the templates' autoescaping
(`|linebreaks` escapes before it adds paragraphs). Nothing typed by a user reaches a document raw.
"""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

# What a rationale may use: emphasis, lists, quotes, headings below the document's own, plain links.
# No images, no styles, no ids and no `rel`: nothing that makes WeasyPrint fetch or attach anything.
ALLOWED_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "a", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"https", "http", "mailto"}


def markdown_html(text: str) -> SafeString:
    """Markdown typed by a user, as sanitised HTML."""
    if not text:
        return mark_safe("")
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        # nh3 writes its own `rel` on every link, replacing whatever the author gave (e.g. "attachment").
        link_rel="noopener noreferrer nofollow",
        url_relative="deny",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
