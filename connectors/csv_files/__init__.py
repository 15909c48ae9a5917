"""The CSV files connector: the manual import HR teams use before they turn on an integration.

One CSV file of employees, and optionally one of time-off balances and one of org units, in an
import folder the hub's operator chooses. The files' column headers are the customer's labels; the
field maps in ``field_maps/csv_files`` name each unified field by its default header. Built only on
the hub's public contract (``hub.connector``, ``hub.hookspecs``, ``hub.errors``).
"""
