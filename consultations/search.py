"""The full-text indexes of the consultation records the global search reads at a federation's size
(plumbing.textindex): a timeline event's summary, an attached document's name and text, a procurement
proposal's title, purpose and budget line."""

from plumbing.textindex import TextIndex

EVENTS = TextIndex("consultations_consultationevent", ("summary",))
DOCUMENTS = TextIndex("consultations_attachment", ("name", "text"))
PROPOSALS = TextIndex("consultations_procurementproposal", ("title", "purpose", "budget_line"))
