"""The licensing assistant: the license chooser, the compatibility checker, the attribution builder and the
license explainer. A pure engine (tools, names, chooser, compatibility, attribution, explainer) over the
packaged facts in data/, and the conversations that use it (chat, chooser_flow, attribution_flow)."""
