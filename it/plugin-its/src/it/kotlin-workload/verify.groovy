def log = new File(basedir, 'build.log').text

assert new File(basedir, 'target/test-classes/com/example/KotlinBlocks.class').isFile()
assert log.contains("budget 'kotlin-17' run 1 of 1")
assert log =~ /(?m)^\[INFO\] kotlin-17 +\| com\.example\.KotlinBlocks +\|.*\| PASS$/
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/hakmem/budget-report.json'))
assert json.budgets[0].liveBytes == 50000 * 17
assert log.contains('BUILD SUCCESS')
