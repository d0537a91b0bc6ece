"""Terraform plan JSON (`terraform show -json plan.out`) read into the Terraform structure, so that
the translation of `.tf` configurations applies to a plan unchanged."""
