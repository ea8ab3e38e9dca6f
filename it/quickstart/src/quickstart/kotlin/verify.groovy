// The Kotlin quickstart as pasted: kotlinc found a JDK with java.lang.foreign through the POM's
// own recipe, the tests ran, and the leaking one failed naming the allocating line.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/test-classes/DecoderTest.class').isFile()
def runs = (log =~ /Tests run: (\d+), Failures: (\d+), Errors: (\d+)/).collect { it }
assert !runs.isEmpty() : 'Surefire printed no test summary'
def total = runs.last()
assert (total[1] as int) > 0 : "no test ran: ${total[0]}"
assert total[0] == 'Tests run: 2, Failures: 1, Errors: 0'
assert log.contains('hakmem leak check failed: DecoderTest.leaks() leaked 1 block (24 B)')
assert log =~ /#0 Decoder\.scratch\(DecoderTest\.kt:\d+\)/
assert log.contains('BUILD FAILURE')
return true
