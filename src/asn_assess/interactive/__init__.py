"""The interactive assessment: navigation state (``questionnaire``), what is drawn
(``screens``) and the loop that ties them to a terminal and the store (``session``)."""
