"""``seolint server``: a Language Server Protocol server over stdio (pygls, lsprotocol).

Only ``seolint server`` imports this package: pygls and lsprotocol come with the optional
``server`` extra, and no other command pays for them. The modules: ``positions`` (the one
place where seolint's columns become LSP's), ``session`` (settings, configs and the check
of one buffer), ``actions`` (code actions), ``hover``, and ``server`` (the protocol wiring).
"""
