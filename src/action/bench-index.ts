import '../threadpool.ts'
import { run } from './bench.ts'

void run()
