"""The full-text indexes of the consultation records the global search reads at a federation's size
(plumbing.textindex): a timeline event's summary, an attached document's name and text."""

from plumbing.textindex import TextIndex

EVENTS = TextIndex("consultations_consultationevent", ("summary",))
DOCUMENTS = TextIndex("consultations_attachment", ("name", "text"))
