"""Intervision and casuïstiekbespreking: sessions, notes, action points and the privacy guard."""
