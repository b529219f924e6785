package com.example.zmq.pubsub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Publish-subscribe: a publisher that waits for its subscribers to check in (slow-joiner
 * sync), topic prefixes, and a forwarding node that republishes the weather to a second
 * network. Run it and it exits by itself.
 */
@SpringBootApplication
public class PubSubApplication {

	public static void main(String[] args) {
		SpringApplication.run(PubSubApplication.class, args).close();
	}

}
