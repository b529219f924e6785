package com.example.zmq.pipeline;

import io.github.zmqspring.annotation.ZmqPuller;

import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;

/**
 * The workers: one bound PULL socket on "tasks" shared by three threads; each result is
 * pushed to the sink ("results"). A method that pulls upstream and pushes downstream is a
 * cascading node.
 */
@Component
class Workers {

	@ZmqPuller(value = "tasks", concurrency = "3")
	@SendTo("results")
	Result work(Task task) {
		return new Result(task.id(), task.size() * task.size(), Thread.currentThread().getName());
	}

	record Task(int id, int size) {
	}

	record Result(int taskId, int value, String worker) {
	}

}
