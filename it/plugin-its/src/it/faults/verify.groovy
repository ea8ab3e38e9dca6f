def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/hakmem')

def causes = [
    oom  : 'java.lang.OutOfMemoryError: Java heap space',
    deep : 'java.lang.StackOverflowError',
    quits: 'the budget JVM exited with status 3 before writing results',
    hangs: 'did not finish within 5 s (forkTimeoutSeconds); the budget JVM and 1 process it started were killed',
]
def lines = causes.collect { name, cause -> "budget '${name}': workload failed: ${cause}".toString() }

causes.keySet().each { name -> assert log =~ /(?m)^\[INFO\] ${name} +\|.*\| ERROR$/ }
assert log =~ /(?m)^\[INFO\] after +\| scaling +\| +15\.6 KiB \|.*\| PASS$/
assert log.contains('4 memory budget violation(s):\n[ERROR]   ' + lines.join('\n[ERROR]   '))
assert !log.contains('at com.example.Recurses') : 'stack frames of the workload reached the build log'
assert new File(basedir, 'target/hakmem/fork.log').text.contains('at com.example.Recurses.depth')
assert log.contains('BUILD FAILURE')

def xml = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-hakmem-budgets.xml'))
assert xml.@tests.text() == '5'
// Crashes are errors to CI, not crossed limits.
assert xml.@errors.text() == '4'
assert xml.@failures.text() == '0'
assert xml.testcase*.@name*.text() == ['oom', 'deep', 'quits', 'hangs', 'after']
assert xml.testcase.findAll { it.error.size() > 0 }*.error*.@message*.text().flatten() == lines
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'budget-report.json'))
assert json.passed == false
assert json.budgets*.name == ['oom', 'deep', 'quits', 'hangs', 'after']
assert json.budgets*.error == causes.values().toList() + [null]

['quits', 'hangs'].each { name ->
    long pid = Long.parseLong(new File(basedir, "target/${name}.pid").text.trim())
    def alive = ProcessHandle.of(pid).filter { it.isAlive() }
    alive.ifPresent { it.destroyForcibly() }
    assert !alive.isPresent() : "the sleep 600 that budget '${name}' started (pid ${pid}) outlived it"
}
return true
