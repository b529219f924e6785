package com.example.zmq.pubsub;

import java.util.concurrent.TimeUnit;

import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqTemplate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The publisher: opens its socket, starts the forwarder (which checks in), waits until
 * the expected subscribers have checked in, then publishes a burst on three topics; no
 * message is lost although nothing is repeated.
 */
@Component
class Demo implements ApplicationRunner {

	static final int PER_TOPIC = 100;

	private final ZmqTemplate zmq;

	private final ZmqListenerEndpointRegistry registry;

	private final SyncService sync;

	private final RegionalReaders readers;

	Demo(ZmqTemplate zmq, ZmqListenerEndpointRegistry registry, SyncService sync, RegionalReaders readers) {
		this.zmq = zmq;
		this.registry = registry;
		this.sync = sync;
		this.readers = readers;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		// the template binds the "news" socket on its first publish; nobody has
		// subscribed yet, so this announcement reaches no one
		this.zmq.publish("news", "hello", "publisher up");
		// in a real system the subscribers are other processes started at any time;
		// starting returns once the forwarder has subscribed and checked in
		this.registry.getListenerContainer(WeatherForwarder.ID).start();
		if (!this.sync.checkedIn.await(30, TimeUnit.SECONDS)) {
			System.out.println("[publisher] subscribers did not check in; not publishing");
			return;
		}
		for (int i = 1; i <= PER_TOPIC; i++) {
			this.zmq.publish("news", "weather.paris", "Paris report " + i);
			this.zmq.publish("news", "weather.rome", "Rome report " + i);
			this.zmq.publish("news", "sports.football", "Football result " + i);
		}
		System.out.println("[publisher] published " + PER_TOPIC + " messages on each of weather.paris,"
				+ " weather.rome and sports.football");
		boolean all = this.readers.done.await(30, TimeUnit.SECONDS);
		System.out.println("[regional] all weather: " + this.readers.weather.get() + " of " + (2 * PER_TOPIC)
				+ ", Paris only: " + this.readers.paris.get() + " of " + PER_TOPIC + (all ? "" : " (timed out)"));
	}

}
