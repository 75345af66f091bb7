# The two commands of the README. Both set the machine up first (as root).
.PHONY: demo test bench-phone
demo:
	scripts/demo.sh
test:
	scripts/test.sh
bench-phone:
	bench/phone_throughput.sh
