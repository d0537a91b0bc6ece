"""Terraform configurations as environments: the Terraform structure every Terraform reader
produces (see `p1lint.terraform.values`), translated into the applications and snapshot
collections rules check, with the way back to each value's `.tf` attribute."""
