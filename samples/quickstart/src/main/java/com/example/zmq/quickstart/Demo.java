package com.example.zmq.quickstart;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.core.ZmqTemplate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Drives the three patterns through {@link ZmqTemplate} once the listeners are up.
 */
@Component
class Demo implements ApplicationRunner {

	private final ZmqTemplate zmq;

	private final PriceWatcher prices;

	private final TaskWorker worker;

	Demo(ZmqTemplate zmq, PriceWatcher prices, TaskWorker worker) {
		this.zmq = zmq;
		this.prices = prices;
		this.worker = worker;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		String reply = this.zmq.request("greeter", "ZeroMQ", String.class, Duration.ofSeconds(5));
		System.out.println("[template] request 'ZeroMQ' -> reply '" + reply + "'");

		// PUB/SUB drops what is published before the subscription reaches the publisher
		// (the
		// "slow joiner"), so keep publishing until the subscriber has seen three prices
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		for (int tick = 0; this.prices.received.getCount() > 0 && System.nanoTime() < deadline; tick++) {
			this.zmq.publish("prices", "prices.ACME", new PriceWatcher.Price("ACME", 100 + tick));
			this.prices.received.await(100, TimeUnit.MILLISECONDS);
		}

		for (int id = 1; id <= 5; id++) {
			this.zmq.push("tasks", new TaskWorker.Task(id, "resize image " + id));
		}
		boolean allDone = this.worker.done.await(10, TimeUnit.SECONDS);
		System.out.println("[template] pushed 5 tasks; all handled: " + allDone);
	}

}
