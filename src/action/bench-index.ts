import '../startup.ts'
import { run } from './bench.ts'

void run()
