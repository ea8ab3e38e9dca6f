// The quickstart as pasted: its tests ran (Surefire 2.12.4 once ran none and said BUILD SUCCESS),
// the clean one passed and the leaking one failed with the report that names the allocating line.
def log = new File(basedir, 'build.log').text
def runs = (log =~ /Tests run: (\d+), Failures: (\d+), Errors: (\d+)/).collect { it }
assert !runs.isEmpty() : 'Surefire printed no test summary'
def total = runs.last()
assert (total[1] as int) > 0 : "no test ran: ${total[0]}"
assert total[0] == 'Tests run: 2, Failures: 1, Errors: 0'
assert log.contains('hakmem leak check failed: DecoderTest.leaks() leaked 1 block (24 B)')
assert log =~ /#0 Decoder\.scratch\(DecoderTest\.java:\d+\)/
assert log.contains('BUILD FAILURE')
return true
