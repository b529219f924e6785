package com.example.zmq.pipeline;

import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.core.ZmqTemplate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The ventilator: pushes the tasks, then waits for the sink to have them all.
 */
@Component
class Demo implements ApplicationRunner {

	static final int TASKS = 100;

	private final ZmqTemplate zmq;

	private final Sink sink;

	Demo(ZmqTemplate zmq, Sink sink) {
		this.zmq = zmq;
		this.sink = sink;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		for (int id = 1; id <= TASKS; id++) {
			this.zmq.push("tasks", new Workers.Task(id, id % 10));
		}
		System.out.println("[ventilator] pushed " + TASKS + " tasks");
		boolean all = this.sink.allArrived.await(30, TimeUnit.SECONDS);
		System.out.println("[sink] " + this.sink.received.get() + " of " + TASKS + " results arrived"
				+ (all ? "" : " (timed out)") + "; per worker: " + new TreeMap<>(this.sink.perWorker));
	}

}
