"""Link: the whole corpus → pages with resolved targets and "amended by" backlinks.

The only stage that sees more than one document. It decides each document's id and
URL (REFERENCE.md, "URLs and anchors"), gives a page to every resolution a proposal targets
even when its text is not in the corpus, and inverts targets into "amended by" lists.
"""

from __future__ import annotations

from .model import ContributionPage, ProposalPage, ReferencePage, ResolutionPage, Site, UnplacedPage
from .references import REFERENCES_SRC
from .site import link

__all__ = ["REFERENCES_SRC", "ContributionPage", "ProposalPage", "ReferencePage", "ResolutionPage", "Site", "UnplacedPage", "link"]
