def log = new File(basedir, 'build.log').text

assert log.contains('hakmem:budget skipped (hakmem.skip=true)')
assert !log.contains("budget 'never' run")
assert !new File(basedir, 'target/hakmem').exists()
assert log.contains('BUILD SUCCESS')
