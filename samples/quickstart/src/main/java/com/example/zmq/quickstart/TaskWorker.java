package com.example.zmq.quickstart;

import java.util.concurrent.CountDownLatch;

import io.github.zmqspring.annotation.ZmqPuller;

import org.springframework.stereotype.Component;

/**
 * Pipeline: takes the tasks pushed to the "tasks" endpoint, two at a time.
 */
@Component
class TaskWorker {

	final CountDownLatch done = new CountDownLatch(5);

	@ZmqPuller(value = "tasks", concurrency = "2")
	void work(Task task) {
		System.out.println("[puller:" + Thread.currentThread().getName() + "] task " + task.id() + ": " + task.text());
		this.done.countDown();
	}

	record Task(int id, String text) {
	}

}
