"""Authorization requests to PingOne (`/as/authorize`) and the parameters p1lint understands in them."""
