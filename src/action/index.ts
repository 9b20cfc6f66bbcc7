import '../threadpool.ts'
import { run } from './push.ts'

void run()
