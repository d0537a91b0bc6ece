"""Terraform input: `.tf` (HCL), `.tf.json` and plan JSON, read into PingOne applications and
environments by the same model as API exports."""
